import { ADMIN_PASSWORD_VARIABLE } from './admin-create-options';

type Input = NodeJS.ReadStream;
type Output = NodeJS.WriteStream;

/**
 * The new administrator's password: from OPENDAY_ADMIN_PASSWORD, else the
 * first line of standard input when a script pipes it in, else typed at a
 * prompt twice without echo. Undefined when the two typings differ.
 */
export async function readAdminPassword(env: NodeJS.ProcessEnv, input: Input, output: Output): Promise<string | undefined> {
  const fromEnv = env[ADMIN_PASSWORD_VARIABLE];
  if (fromEnv !== undefined) return fromEnv;
  if (!input.isTTY) return firstLine(input);
  const [first, second] = await promptHidden(['Password: ', 'Password again: '], input, output);
  if (first !== second) {
    output.write('The two passwords differ.\n');
    return undefined;
  }
  return first;
}

async function firstLine(input: Input): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of input) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0];
}

/**
 * Asks each question in turn on a terminal in raw mode, echoing nothing, and
 * reads one line for each (lines typed ahead wait for their question).
 * Ctrl-C ends the command (exit 130).
 */
async function promptHidden(questions: string[], input: Input, output: Output): Promise<string[]> {
  const lines: string[] = [];
  let typed = '';
  let previous = '';
  let waiting: ((line: string) => void) | undefined;
  const onData = (chunk: string) => {
    for (const char of chunk) {
      if (char === '\u0003') {
        input.setRawMode(false);
        output.write('\n');
        process.exit(130);
      }
      if (char === '\n' && previous === '\r') {
        previous = char;
        continue;
      }
      previous = char;
      if (char === '\r' || char === '\n') {
        const line = typed;
        typed = '';
        if (waiting) {
          const deliver = waiting;
          waiting = undefined;
          deliver(line);
        } else {
          lines.push(line);
        }
      } else {
        typed = char === '\u007f' || char === '\b' ? typed.slice(0, -1) : typed + char;
      }
    }
  };
  input.setRawMode(true);
  input.setEncoding('utf8');
  input.on('data', onData);
  input.resume();
  try {
    const answers: string[] = [];
    for (const question of questions) {
      output.write(question);
      answers.push(lines.length ? lines.shift()! : await new Promise<string>((resolve) => (waiting = resolve)));
      output.write('\n');
    }
    return answers;
  } finally {
    input.off('data', onData);
    input.setRawMode(false);
    input.pause();
  }
}
