import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { expandMacros } from '../../src/parse/splunk/macro-expand.js';
import { createMacroTable, loadMacros } from '../../src/parse/splunk/macros.js';
import { parseSpl } from '../../src/parse/splunk/spl-parser.js';
import { parseSplunkSearch } from '../../src/parse/splunk/spl-search.js';
import { CORPUS, FIXTURES } from '../helpers/paths.js';

const MACROS = path.join(FIXTURES, 'parse/splunk/macros');
const table = loadMacros(MACROS);

describe('loadMacros', () => {
  it('keys macros by name, and by name(N) when they take arguments', () => {
    expect(table.get('win_sec')?.definition).toBe('sourcetype=WinEventLog:Security OR source=XmlWinEventLog:Security');
    expect(table.get('ctime(1)')?.args).toEqual(['field']);
    expect(table.get('proc_pair(2)')?.args).toEqual(['name', 'original']);
    expect(table.get('ctime')).toBeUndefined();
    expect(table.problems).toEqual([]);
  });

  it('caches the table per folder', () => {
    expect(loadMacros(MACROS)).toBe(table);
    expect(loadMacros(`${MACROS}/`)).toBe(table);
  });

  it('reports unreadable files and keeps the others', () => {
    const broken = loadMacros(path.join(FIXTURES, 'parse/splunk/macros-broken'));
    expect(broken.get('good')?.definition).toBe('index=main');
    expect(broken.get('bad')).toBeUndefined();
    expect(broken.problems).toEqual([{ file: expect.stringMatching(/bad\.yml$/), message: expect.stringMatching(/^invalid YAML/) }]);
    const missing = loadMacros(path.join(FIXTURES, 'parse/splunk/no-such-folder'));
    expect(missing.problems[0]?.message).toMatch(/cannot read macro folder/);
  });

  it('reads the corpus macros, with drop_dm_object_name as a fallback', () => {
    const corpus = loadMacros(path.join(CORPUS, 'splunk/macros'));
    expect(corpus.get('security_content_ctime(1)')?.definition).toBe('convert timeformat="%Y-%m-%dT%H:%M:%S" ctime($field$)');
    expect(corpus.get('security_content_summariesonly')?.definition).toContain('summariesonly=`summariesonly_config`');
    expect(corpus.get('drop_dm_object_name(1)')?.file).toBeUndefined();
    expect(corpus.all().size).toBeGreaterThan(150);
    expect(corpus.problems.map((p) => path.basename(p.file))).toEqual(['base64decode.yml']);
  });
});

describe('expandMacros', () => {
  it('expands a macro and maps offsets back to the search as written', () => {
    const search = '`win_sec` EventCode=4688';
    const ex = expandMacros(search, table);
    expect(ex.text).toBe('sourcetype=WinEventLog:Security OR source=XmlWinEventLog:Security EventCode=4688');
    const at = ex.text.indexOf('EventCode');
    expect(ex.toOriginal(at)).toBe(search.indexOf('EventCode'));
    // A character from inside the macro maps to the call.
    expect(ex.toOriginal(ex.text.indexOf('source='))).toBe(0);
    expect(ex.toOriginalSpan({ start: 11, end: 20 })).toEqual({ start: 0, end: 9 });
    expect(ex.toOriginalSpan({ start: 0, end: ex.text.length })).toEqual({ start: 0, end: search.length });
    expect(ex.toOriginal(ex.text.length)).toBe(search.length);
    expect(ex.calls).toEqual([{ name: 'win_sec', key: 'win_sec', args: [], span: { start: 0, end: 9 }, known: true }]);
    expect(ex.unknown).toEqual([]);
  });

  it('substitutes $arguments$, splitting on top-level commas only', () => {
    expect(expandMacros('a=1 | `ctime(firstTime)`', table).text).toBe('a=1 | convert timeformat="%Y-%m-%dT%H:%M:%S" ctime(firstTime)');
    expect(expandMacros('`proc_pair(cmd.exe, "Cmd.Exe")`', table).text).toBe(
      '(Processes.process_name=cmd.exe OR Processes.original_file_name="Cmd.Exe")',
    );
    expect(expandMacros('`proc_pair("a,b", f(x, y))`', table).text).toBe(
      '(Processes.process_name="a,b" OR Processes.original_file_name=f(x, y))',
    );
  });

  it('expands recursively', () => {
    const ex = expandMacros('`nested_outer` | stats count', table);
    expect(ex.text).toBe('sourcetype=WinEventLog:Security OR source=XmlWinEventLog:Security EventCode=4688 | stats count');
    expect(ex.calls.map((c) => c.name)).toEqual(['nested_outer']);
  });

  it('drops no-op filter macros together with the pipe before them', () => {
    expect(expandMacros('a=1 | stats count | `custom_filter`', table).text).toBe('a=1 | stats count ');
    expect(expandMacros('a=1 |`custom_filter` | table x', table).text).toBe('a=1  | table x');
    // security_content generates every *_filter macro as `search *`; one missing from the folder is treated so.
    const generated = expandMacros('a=1 | `my_detection_filter`', table);
    expect(generated.text).toBe('a=1 ');
    expect(generated.unknown).toEqual([]);
    expect(generated.calls[0]?.known).toBe(true);
    expect(parseSpl(generated.text).errors).toEqual([]);
  });

  it('keeps a filter macro that filters', () => {
    expect(expandMacros('a=1 | `real_filter`', table).text).toBe('a=1 | search NOT user=svc_*');
  });

  it('leaves unknown macros in place and reports them', () => {
    const search = 'a=1 | `nope(x, y)` | `ctime`';
    const ex = expandMacros(search, table);
    expect(ex.text).toBe(search);
    expect(ex.unknown).toEqual([
      { name: 'nope', span: { start: 6, end: 18 } },
      { name: 'ctime', span: { start: 21, end: 28 } },
    ]);
    const parsed = parseSpl(ex.text);
    expect(parsed.errors).toEqual([]);
    expect(parsed.ast?.pipeline.commands.map((c) => c.kind)).toEqual(['search', 'macro', 'macro']);
  });

  it('reports a cycle instead of looping', () => {
    const ex = expandMacros('`loop_a`', table);
    expect(ex.problems).toEqual([{ message: "macro 'loop_a' expands into itself", span: { start: 0, end: 8 } }]);
    expect(ex.text).toBe('`loop_a` b=2 a=1');
  });

  it('stops at the depth limit', () => {
    const defs = Array.from({ length: 30 }, (_, i) => ({ key: `m${i}`, name: `m${i}`, args: [], definition: `\`m${i + 1}\` x${i}=1` }));
    const ex = expandMacros('`m0`', createMacroTable(defs));
    expect(ex.problems[0]?.message).toMatch(/nesting deeper than 20/);
  });

  it('ignores backticks inside quoted strings and blanks comments', () => {
    const search = 'a=1 | eval n=mvcount(split(process,"`"))-1 ```count ticks``` | where n>0';
    const ex = expandMacros(search, table);
    expect(ex.text).toBe('a=1 | eval n=mvcount(split(process,"`"))-1   | where n>0');
    expect(ex.unknown).toEqual([]);
    const where = ex.text.indexOf('| where');
    expect(ex.toOriginal(where)).toBe(search.indexOf('| where'));
  });

  it('leaves an unclosed backtick to the parser', () => {
    const ex = expandMacros('a=1 `oops', table);
    expect(ex.text).toBe('a=1 `oops');
    expect(parseSpl(ex.text).errors[0]?.message).toMatch(/unclosed macro/);
  });
});

describe('parseSplunkSearch: errors inside macros', () => {
  it('points an error inside a macro expansion at the macro call', () => {
    const search = 'x=1 `broken_group` | stats count';
    const parsed = parseSplunkSearch(search, table);
    expect(parsed.errors).toEqual([{ message: "missing ')' for this '('", span: { start: 4, end: 18 } }]);
  });

  it('keeps errors outside macros where they are', () => {
    const search = '`win_sec` user= | stats count';
    const parsed = parseSplunkSearch(search, table);
    expect(parsed.errors).toEqual([{ message: "expected value after '='", span: { start: 14, end: 15 } }]);
  });

  it('reports macro cycles as errors of the search', () => {
    const parsed = parseSplunkSearch('a=1 `loop_b`', table);
    expect(parsed.errors.map((e) => e.message)).toContain("macro 'loop_b' expands into itself");
  });
});

describe('expandMacros: escaped quotes outside a quoted string', () => {
  it('does not read \\" in an unquoted term as the start of a string (the macros after it still expand)', () => {
    const table = createMacroTable([{ key: 'kube_audit', name: 'kube_audit', definition: 'index=k8s', args: [] }, { key: 'x_filter', name: 'x_filter', definition: 'search *', args: [] }]);
    const search = '`kube_audit` a=*\\"privileged\\":true* | stats count by b | `x_filter`';
    const r = expandMacros(search, table);
    expect(r.unknown).toEqual([]);
    expect(r.text.startsWith('index=k8s a=*\\"privileged\\":true*')).toBe(true);
    expect(r.text).not.toContain('x_filter');
  });
});
