// Example parameters. Secrets come from the environment, never from this file:
//   export CSRF_SECRET="$(openssl rand -base64 48)"   (keep it: changing it invalidates open consent pages)
//   export SIGN_IN_CLIENT_SECRET='<client secret of the app registration>'
//   export SIGN_IN_CLIENT_ID='<application (client) id of the app registration>'
using 'main.bicep'

param name = 'apconsent'

param signIn = {
  clientId: readEnvironmentVariable('SIGN_IN_CLIENT_ID')
}

param signInClientSecret = readEnvironmentVariable('SIGN_IN_CLIENT_SECRET')

param csrfSecret = readEnvironmentVariable('CSRF_SECRET')

param email = {
  senderName: 'Autopilot Consent'
  dataLocation: 'Europe'
}

param appVersion = readEnvironmentVariable('APP_VERSION', 'unversioned')

param tags = {
  app: 'autopilot-consent'
}
