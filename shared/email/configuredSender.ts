// The invitation sender the settings choose: ACS (Azure), or this process's local outbox (the local host).
import { config, type EmailSettings } from '../config';
import { createLocalOutbox, type LocalOutbox } from './outbox';
import { createAcsSender, type InvitationSender } from './sender';

let outbox: LocalOutbox | undefined;
let sender: InvitationSender | undefined;

/** One outbox per process: the queue trigger puts emails in, the local host's /dev/outbox shows them. */
export function localOutbox(): LocalOutbox {
  outbox ??= createLocalOutbox();
  return outbox;
}

/** Built once from `config().email`, so every delivery shares one ACS client. */
export function configuredSender(): InvitationSender {
  sender ??= senderFor(config().email);
  return sender;
}

function senderFor(settings: EmailSettings): InvitationSender {
  if (settings.transport === 'outbox') return localOutbox();
  return createAcsSender({ connection: settings.connection, senderAddress: settings.senderAddress });
}
