// Example parameters. Secrets come from the environment, never from this file:
//   export APP_SECRET="$(openssl rand -base64 48)"   (keep it: changing it invalidates open consent pages and replaces every standing link)
//   export SIGN_IN_CLIENT_SECRET='<client secret of the app registration>'
//   export SIGN_IN_CLIENT_ID='<application (client) id of the app registration>'
using 'main.bicep'

param name = 'apconsent'

param signIn = {
  clientId: readEnvironmentVariable('SIGN_IN_CLIENT_ID')
}

param signInClientSecret = readEnvironmentVariable('SIGN_IN_CLIENT_SECRET')

param appSecret = readEnvironmentVariable('APP_SECRET')

param email = {
  senderName: 'Autopilot Consent'
  dataLocation: 'Europe'
}

param appVersion = readEnvironmentVariable('APP_VERSION', 'unversioned')
param supportContact = readEnvironmentVariable('SUPPORT_CONTACT', '')

param tags = {
  app: 'autopilot-consent'
}
