// Every Bicep file parses with the real tree-sitter-bicep grammar; a failure names the file and line.
import { infraFiles, parseSource, syntaxProblems } from './bicep';

describe('infra syntax', () => {
  it('D6: every .bicep and .bicepparam file under infra/ parses without an error or missing node', async () => {
    const files = await infraFiles();
    expect(files.map((file) => file.path)).toEqual(
      expect.arrayContaining(['infra/main.bicep', 'infra/main.bicepparam', 'infra/modules/functionApp.bicep']),
    );
    expect(files.flatMap(syntaxProblems)).toEqual([]);
  });

  it('reports a syntax error with its file and line', async () => {
    const broken = await parseSource(
      "param name string\nresource x 'A/b@2024-01-01' = {\n  name: \n}\n",
      'broken.bicep',
    );
    expect(syntaxProblems(broken)).toEqual([expect.stringMatching(/^broken\.bicep:[34]:\d+ /)]);
  });

  it('reads .bicepparam assignments and still reports errors in them', async () => {
    const good = await parseSource(
      "using 'main.bicep'\nparam name = 'x'\nparam n = readEnvironmentVariable('N', '')\n",
      'ok.bicepparam',
    );
    expect(syntaxProblems(good)).toEqual([]);
    const broken = await parseSource("using 'main.bicep'\nparam name = = 'x'\n", 'bad.bicepparam');
    expect(syntaxProblems(broken)).toEqual([expect.stringMatching(/^bad\.bicepparam:2:\d+ /)]);
  });
});
