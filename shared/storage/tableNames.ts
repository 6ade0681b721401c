// Every table and queue the app uses, by the code's name for it: infra/storage-names.json, which the Bicep templates
// create from too, so the two cannot drift apart.
import storageNames from '../../infra/storage-names.json';

export const TABLES = storageNames.tables;
export const QUEUES = storageNames.queues;
