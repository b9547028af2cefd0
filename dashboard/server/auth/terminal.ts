/**
 * Asking on the terminal: a visible answer (a login) or a hidden one (a password). Without a
 * terminal (a pipe: `printf 'пароль\n' | npm run users -- add …`) the answers are stdin's lines.
 */
import { createInterface } from 'node:readline';

let pipedLines: Promise<string[]> | undefined;

async function nextPipedLine(): Promise<string> {
  pipedLines ??= (async () => {
    let text = '';
    for await (const chunk of process.stdin) text += chunk;
    return text.split(/\r?\n/);
  })();
  return (await pipedLines).shift() ?? '';
}

export async function ask(question: string): Promise<string> {
  if (!process.stdin.isTTY) return nextPipedLine();
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return await new Promise((resolve) => rl.question(question, resolve));
  } finally {
    rl.close();
  }
}

/** Reads a line without echoing it. Ctrl-C ends the program. */
export async function askHidden(question: string): Promise<string> {
  if (!process.stdin.isTTY) return nextPipedLine();
  process.stdout.write(question);
  const stdin = process.stdin;
  stdin.setRawMode(true);
  stdin.resume();
  stdin.setEncoding('utf8');
  return new Promise((resolve) => {
    let answer = '';
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === '\u0003') {
          process.stdout.write('\n');
          process.exit(130);
        } else if (char === '\r' || char === '\n') {
          stdin.setRawMode(false);
          stdin.pause();
          stdin.off('data', onData);
          process.stdout.write('\n');
          resolve(answer);
          return;
        } else if (char === '\u007f' || char === '\b') answer = answer.slice(0, -1);
        else answer += char;
      }
    };
    stdin.on('data', onData);
  });
}
