// Every table and queue the code names is created by the template, from the one list in infra/storage-names.json.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { declarations, INFRA_DIR, infraFile, resource, valueText, variable } from './bicep';
import { APP_QUEUES, APP_TABLES } from './expected';

interface StorageNames {
  tables: string[];
  queues: string[];
}

const storageNames = JSON.parse(readFileSync(path.join(INFRA_DIR, 'storage-names.json'), 'utf8')) as StorageNames;

describe('tables and queues', () => {
  it('D5: storage-names.json lists every table and queue the code uses, and nothing else', () => {
    expect([...storageNames.tables].sort()).toEqual([...APP_TABLES].sort());
    expect([...storageNames.queues].sort()).toEqual([...APP_QUEUES].sort());
  });

  it('the names are valid for Azure Storage, and every queue has its poison queue', () => {
    for (const table of storageNames.tables) expect(table).toMatch(/^[A-Za-z][A-Za-z0-9]{2,62}$/);
    for (const queue of storageNames.queues) expect(queue).toMatch(/^[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]$/);
    const working = storageNames.queues.filter((queue) => !queue.endsWith('-poison'));
    for (const queue of working) {
      expect(queue.length).toBeLessThanOrEqual(56);
      expect(storageNames.queues).toContain(`${queue}-poison`);
    }
  });

  it('main.bicep passes that file to the storage module', async () => {
    const main = await infraFile('main.bicep');
    expect(variable(main, 'storageNames')?.text).toBe("loadJsonContent('storage-names.json')");
    const storageModule = declarations(main, 'module_declaration').get('storage')!;
    expect(valueText(storageModule.namedChildren[2]!, 'params.storageNames')).toBe('storageNames');
  });

  it('the storage module creates one table per listed table and one queue per listed queue', async () => {
    const file = await infraFile('modules/storage.bicep');
    const tables = resource(file, 'Microsoft.Storage/storageAccounts/tableServices/tables');
    expect(tables.loopOver).toBe('storageNames.tables');
    expect(valueText(tables.body, 'name')).toBe('tableName');
    const queues = resource(file, 'Microsoft.Storage/storageAccounts/queueServices/queues');
    expect(queues.loopOver).toBe('storageNames.queues');
    expect(valueText(queues.body, 'name')).toBe('queueName');
  });

  it('the storage module creates the Flex deployment container, private', async () => {
    const container = resource(
      await infraFile('modules/storage.bicep'),
      'Microsoft.Storage/storageAccounts/blobServices/containers',
    );
    expect(valueText(container.body, 'name')).toBe('deploymentContainerName');
    expect(valueText(container.body, 'properties.publicAccess')).toBe("'None'");
  });
});
