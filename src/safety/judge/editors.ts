import { maxRisk } from '../../core/risk.js';
import type { Evaluation, Finding, Invocation } from './evaluation.js';
import { EDITOR_EFFECTS, EDITOR_VERDICTS, EDITORS } from './rules/editors.js';

/** The commands an editor or pager is told to run at start: `-c CMD`, `--cmd CMD`, `+CMD`. */
function startupCommands(name: string, values: string[]): string[] {
  const commands: string[] = [];
  for (let i = 0; i < values.length; i++) {
    const value = values[i]!;
    // `-c cmd`, and `-sc cmd` / `-esc cmd` with the option bundled after others
    const takesCommand = value === '-c' || value === '--cmd' || /^-[a-zA-Z]*c$/.test(value);
    if (EDITORS.has(name) && takesCommand && values[i + 1] !== undefined) commands.push(values[++i]!);
    else if (value.startsWith('+') && value.length > 1) commands.push(value.slice(1));
  }
  // Vim runs `|`-separated commands in turn; a shell escape takes the rest of the line.
  return commands.flatMap((c) => splitBars(c.replace(/^[:\s]+/, '')));
}

function splitBars(command: string): string[] {
  if (EDITOR_EFFECTS.shell.test(command)) return [command];
  const at = command.indexOf('|');
  return at < 0 ? [command] : [command.slice(0, at).trim(), ...splitBars(command.slice(at + 1).replace(/^[:\s]+/, ''))];
}

/** Shell escapes are judged as shell text, writes by where they write, script commands as code. */
export function editorCommands(ev: Evaluation, name: string, inv: Invocation, finding: Finding): void {
  const part = inv.site.text;
  for (const command of startupCommands(name, inv.words.slice(1).map((w) => w.value))) {
    const shell = EDITOR_EFFECTS.shell.exec(command);
    if (shell) {
      finding.level = maxRisk(finding.level, ev.text(shell[1]!, inv.depth + 1, part));
      continue;
    }
    if (!EDITORS.has(name)) continue;
    const write = EDITOR_EFFECTS.write.exec(command);
    if (write) ev.pathEffect(finding, { kind: 'write' }, write[1]!, 'editor.write-command', part);
    else if (EDITOR_EFFECTS.code.test(command)) ev.add(finding, EDITOR_VERDICTS.code, 'editor.runs-code', part);
  }
}
