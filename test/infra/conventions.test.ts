// The Bicep follows the Azure Verified Modules habits the handbook asks for, read from the compiled template.
import path from 'node:path';
import { build, describeWithBicep, INFRA_DIR, nestedTemplates, type ArmTemplate } from './bicep';

const MODULES = ['identity', 'monitoring', 'storage', 'keyVault', 'communication', 'roleAssignments', 'functionApp'];

describeWithBicep('infra conventions', (bicep) => {
  let main: ArmTemplate;

  beforeAll(() => {
    const built = build(bicep, path.join(INFRA_DIR, 'main.bicep'));
    if (!built.template) throw new Error(`bicep build failed:\n${built.run.stderr}`);
    main = built.template;
  });

  it("every param of main.bicep and of each module has a description starting 'Required.' or 'Optional.'", () => {
    const templates = [{ name: 'main', template: main }, ...nestedTemplates(main)];
    const undocumented = templates.flatMap(({ name, template }) =>
      Object.entries(template.parameters ?? {})
        .filter(([, parameter]) => !/^(Required|Optional)\. \S/.test(parameter.metadata?.description ?? ''))
        .map(([parameter]) => `${String(name)}: param ${parameter}`),
    );
    expect(undocumented).toEqual([]);
    expect(templates.flatMap(({ template }) => Object.keys(template.parameters ?? {})).length).toBeGreaterThan(40);
  });

  it('main.bicep composes one module per concern, each deployed under the deployment name and a fixed suffix', () => {
    const modules = Object.entries(main.resources as Record<string, { type: string; name: unknown }>).filter(
      ([, resource]) => resource.type === 'Microsoft.Resources/deployments',
    );
    expect(modules.map(([symbol]) => symbol).sort()).toEqual([...MODULES].sort());
    for (const [symbol, resource] of modules) {
      expect({ symbol, name: resource.name }).toEqual({
        symbol,
        name: expect.stringMatching(/^\[format\('\{0\}-[a-z]+', deployment\(\)\.name\)\]$/),
      });
    }
  });

  it('each resource module outputs name and resourceId (roleAssignments, which makes several, outputs their ids)', () => {
    const missing = Object.entries(main.resources as Record<string, { properties?: { template?: ArmTemplate } }>)
      .filter(([symbol]) => MODULES.includes(symbol))
      .flatMap(([symbol, resource]) => {
        const outputs = Object.keys(resource.properties?.template?.outputs ?? {});
        const required = symbol === 'roleAssignments' ? ['resourceIds'] : ['name', 'resourceId'];
        return required.filter((output) => !outputs.includes(output)).map((output) => `${symbol}: ${output}`);
      });
    expect(missing).toEqual([]);
  });
});
