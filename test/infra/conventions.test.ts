// The Bicep follows the Azure Verified Modules habits the handbook asks for.
import { declarations, infraFile, infraFiles, parameters, resources, valueText } from './bicep';

/** Types whose latest stable API version is older than 2022 (Application Insights components: 2020-02-02). */
const OLDEST_ALLOWED: Record<string, string> = { 'Microsoft.Insights/components': '2020-02-02' };

const MODULES = ['identity', 'monitoring', 'storage', 'keyVault', 'communication', 'roleAssignments', 'functionApp'];

describe('infra conventions', () => {
  it("every param has a @description starting 'Required.' or 'Optional.'", async () => {
    const files = (await infraFiles()).filter((file) => file.path.endsWith('.bicep'));
    const undocumented = files.flatMap((file) =>
      parameters(file)
        .filter((param) => !/^(Required|Optional)\. \S/.test(param.description ?? ''))
        .map((param) => `${file.path}:${param.line} param ${param.name}`),
    );
    expect(undocumented).toEqual([]);
    expect(files.flatMap(parameters).length).toBeGreaterThan(40);
  });

  it('main.bicep deploys to a resource group and composes one module per concern', async () => {
    const main = await infraFile('main.bicep');
    expect(main.root.text).toMatch(/^targetScope = 'resourceGroup'$/m);
    const modulePaths = [...declarations(main, 'module_declaration').values()].map(
      (node) => node.namedChildren[1]?.text,
    );
    expect(modulePaths.sort()).toEqual(MODULES.map((name) => `'modules/${name}.bicep'`).sort());
  });

  it('each resource module outputs name and resourceId (roleAssignments, which makes several, outputs their ids)', async () => {
    const missing: string[] = [];
    for (const name of MODULES) {
      const outputs = [...declarations(await infraFile(`modules/${name}.bicep`), 'output_declaration').keys()];
      const required = name === 'roleAssignments' ? ['resourceIds'] : ['name', 'resourceId'];
      missing.push(...required.filter((output) => !outputs.includes(output)).map((output) => `${name}: ${output}`));
    }
    expect(missing).toEqual([]);
  });

  it('API versions are pinned, stable and recent', async () => {
    const all = (await infraFiles()).flatMap((file) => resources(file).map((r) => ({ file: file.path, ...r })));
    expect(all.length).toBeGreaterThan(20);
    const stale = all.filter(
      (r) => !/^20(2[2-9]|[3-9]\d)-\d\d-\d\d$/.test(r.apiVersion) && OLDEST_ALLOWED[r.type] !== r.apiVersion,
    );
    expect(stale.map((r) => `${r.file}: ${r.type}@${r.apiVersion}`)).toEqual([]);
  });

  it('module deployment names are deterministic: the deployment name and a fixed suffix', async () => {
    const main = await infraFile('main.bicep');
    const names = [...declarations(main, 'module_declaration').values()].map((node) =>
      valueText(node.namedChildren[2]!, 'name'),
    );
    expect(names).toHaveLength(MODULES.length);
    for (const name of names) expect(name).toMatch(/^'\$\{deployment\(\)\.name\}-[a-z]+'$/);
  });
});
