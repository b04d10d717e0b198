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
  const first = await promptHidden('Password: ', input, output);
  const second = await promptHidden('Password again: ', input, output);
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

/** Reads one line from a terminal in raw mode, echoing nothing; Ctrl-C ends the command (exit 130). */
function promptHidden(question: string, input: Input, output: Output): Promise<string> {
  output.write(question);
  input.setRawMode(true);
  input.resume();
  input.setEncoding('utf8');
  let typed = '';
  return new Promise((resolve) => {
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === '\u0003') {
          input.setRawMode(false);
          output.write('\n');
          process.exit(130);
        }
        if (char === '\r' || char === '\n') {
          input.setRawMode(false);
          input.pause();
          input.off('data', onData);
          output.write('\n');
          resolve(typed);
          return;
        }
        typed = char === '\u007f' || char === '\b' ? typed.slice(0, -1) : typed + char;
      }
    };
    input.on('data', onData);
  });
}
