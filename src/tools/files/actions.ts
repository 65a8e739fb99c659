import { z } from 'zod';
import { defineAction } from '../../core/action.js';
import { resolveGeneratedLines } from '../../core/generated-secrets.js';
import { safePath } from '../../core/patterns.js';
import { shellQuote } from '../../core/shell-quote.js';

const FileWriteInput = z.object({
  path: safePath,
  content: z.string().max(8 * 1024 * 1024),
  /** Octal file mode, e.g. 0o600 for secrets. */
  mode: z.number().int().min(0).max(0o777).optional(),
});
type FileWriteInput = z.infer<typeof FileWriteInput>;

const FileRestoreInput = z.object({
  path: safePath,
  /** The content before the write; absent when the file did not exist. */
  previous: z.string().optional(),
});

/** Generated artifacts are plan outputs: written by this step, restored by its undo. */
export const fileWrite = defineAction({
  id: 'files.write',
  title: 'Write a file',
  risk: 'write',
  artifact: true,
  input: FileWriteInput,
  preview: (input) => `cat > ${shellQuote(input.path)} <<'EOF'  # ${input.content.split('\n').length} lines${input.mode !== undefined ? `; chmod ${input.mode.toString(8)} ${shellQuote(input.path)}` : ''}`,
  async run(input, ctx) {
    const previous = await ctx.files.read(input.path);
    // `KEY=<generated>` lines get their secret now: the one the file already has, else a new one.
    const { content, generated } = resolveGeneratedLines(input.content, previous);
    await ctx.files.write(input.path, content, input.mode);
    ctx.emit('progress', `wrote ${input.path} (${Buffer.byteLength(content)} bytes)${generated.length ? `; generated ${generated.join(', ')}` : ''}`);
    return { path: input.path, previous };
  },
  undo: (input, output) => ({ action: 'files.restore', input: { path: input.path, previous: output.previous } }),
  creates: (input, output) => (output.previous === undefined ? [{ kind: 'file', id: input.path, name: input.path }] : []),
});

const fileRestore = defineAction({
  id: 'files.restore',
  title: 'Restore a file to its previous content',
  risk: 'write',
  input: FileRestoreInput,
  preview: (input) =>
    input.previous === undefined
      ? `rm -f ${shellQuote(input.path)}`
      : `cat > ${shellQuote(input.path)} <<'EOF'  # the previous ${input.previous.split('\n').length} lines`,
  async run(input, ctx) {
    if (input.previous === undefined) await ctx.files.remove(input.path);
    else await ctx.files.write(input.path, input.previous);
    return {};
  },
  removes: (input) => (input.previous === undefined ? [{ kind: 'file', id: input.path }] : []),
});

export const fileActions = [fileWrite, fileRestore];
