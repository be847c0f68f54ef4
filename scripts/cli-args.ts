/**
 * One way for every maintainer command to read its flags: `--help`/`-h` prints the usage
 * (options, environment variables, exit codes) and exits 0; an unknown option or a stray
 * argument exits 2 with a message that lists the valid options. Built on node:util parseArgs.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chooseContentFolder } from '../src/core/content-folder.ts';

/** One flag: its parseArgs settings plus what the usage says about it. */
export type CliOption = {
  type: 'string' | 'boolean';
  multiple?: boolean;
  short?: string;
  default?: string | boolean | readonly string[] | readonly boolean[];
  /** The value's placeholder in the usage, e.g. "<slug>"; string options only. */
  value?: string;
  /** One line for the usage. */
  description: string;
};

/** What a command is and takes, for parsing and for its usage text. */
export type CliSpec<T extends Record<string, CliOption>> = {
  /** How to run it, e.g. "npm run fetch --". */
  command: string;
  /** The log prefix, e.g. "fetch" for "[fetch] …". */
  tag: string;
  /** One or two sentences on what the command does. */
  summary: string;
  options: T;
  /** The one argument the command takes besides its options, if any, e.g. { name: "name", description: "the company's name" }. */
  positional?: { name: string; description: string };
  /** Environment variables the command reads: name → meaning. */
  env?: Readonly<Record<string, string>>;
  /** Exit status → meaning. */
  exitCodes: Readonly<Record<number, string>>;
};

/** A command's spec, with its option names and types kept for parseCliArgs's result. */
export function defineCli<const T extends Record<string, CliOption>>(spec: CliSpec<T>): CliSpec<T> {
  return spec;
}

/** The exit status for a command line that cannot be run as given. */
export const USAGE_EXIT_CODE = 2;

type ValuesOf<T extends Record<string, CliOption>> = {
  [K in keyof T]: T[K]['type'] extends 'boolean'
    ? T[K]['multiple'] extends true ? boolean[] : T[K] extends { default: boolean } ? boolean : boolean | undefined
    : T[K]['multiple'] extends true ? string[] : T[K] extends { default: string } ? string : string | undefined;
};

function flagOf(name: string, option: CliOption): string {
  const long = `--${name}${option.type === 'string' ? ` ${option.value ?? '<value>'}` : ''}`;
  return option.short ? `-${option.short}, ${long}` : long;
}

/** The usage text of a command: synopsis, options, environment variables and exit codes. */
export function formatUsage<T extends Record<string, CliOption>>(spec: CliSpec<T>): string {
  const options: [string, string][] = [...Object.entries(spec.options).map(([name, option]): [string, string] => [flagOf(name, option), `${option.description}${option.multiple ? ' (repeatable)' : ''}`]), ['-h, --help', 'print this help and exit 0']];
  const width = Math.max(...options.map(([flag]) => flag.length));
  const synopsis = `usage: ${spec.command} [options]${spec.positional ? ` <${spec.positional.name}>` : ''}`;
  const argument = spec.positional ? ['', 'arguments:', `  <${spec.positional.name}>  ${spec.positional.description}`] : [];
  const lines = [synopsis, '', spec.summary, ...argument, '', 'options:', ...options.map(([flag, text]) => `  ${flag.padEnd(width)}  ${text}`)];
  const env = Object.entries(spec.env ?? {});
  if (env.length > 0) {
    const envWidth = Math.max(...env.map(([name]) => name.length));
    lines.push('', 'environment:', ...env.map(([name, text]) => `  ${name.padEnd(envWidth)}  ${text}`));
  }
  lines.push('', 'exit status:', ...Object.entries(spec.exitCodes).map(([code, text]) => `  ${code}  ${text}`));
  return `${lines.join('\n')}\n`;
}

/** The valid options as one line: "--a, --b <x>, -h/--help". */
function listOptions<T extends Record<string, CliOption>>(spec: CliSpec<T>): string {
  return [...Object.entries(spec.options).map(([name, option]) => flagOf(name, option)), '-h/--help'].join(', ');
}

/** Prints `message` and the valid options to stderr and exits 2. */
export function exitWithUsageError<T extends Record<string, CliOption>>(spec: CliSpec<T>, message: string): never {
  process.stderr.write(`[${spec.tag}] ${message}\n[${spec.tag}] valid options: ${listOptions(spec)}\n[${spec.tag}] see: ${spec.command} --help\n`);
  process.exit(USAGE_EXIT_CODE);
}

/**
 * argv → the option values. `--help`/`-h` anywhere prints the usage to stdout and exits 0;
 * anything parseArgs rejects (an unknown option, a missing value, a positional argument)
 * exits 2 via exitWithUsageError.
 */
export function parseCliArgs<const T extends Record<string, CliOption>>(spec: CliSpec<T>, argv: readonly string[] = process.argv.slice(2)): ValuesOf<T> {
  return parseCliCommand(spec, argv).values;
}

/**
 * Like parseCliArgs, for a command with a `positional` argument: the option values and the
 * positional arguments (more than one exits 2).
 */
export function parseCliCommand<const T extends Record<string, CliOption>>(spec: CliSpec<T>, argv: readonly string[] = process.argv.slice(2)): { values: ValuesOf<T>; positionals: string[] } {
  // A value that happens to be "-h" (e.g. `--contact -h`) is not a request for help.
  const wantsHelp = argv.some((arg, index) => (arg === '--help' || arg === '-h') && !isStringOptionFlag(spec, argv[index - 1]));
  if (wantsHelp) {
    process.stdout.write(formatUsage(spec));
    process.exit(0);
  }
  const options = Object.fromEntries(
    Object.entries(spec.options).map(([name, { type, multiple, short, default: fallback }]) => [name, { type, ...(multiple ? { multiple } : {}), ...(short ? { short } : {}), ...(fallback !== undefined ? { default: fallback } : {}) }]),
  );
  let parsed: { values: unknown; positionals: string[] };
  try {
    parsed = parseArgs({ args: [...argv], options: options as never, strict: true, allowPositionals: spec.positional !== undefined });
  } catch (error) {
    return exitWithUsageError(spec, error instanceof Error ? error.message : String(error));
  }
  if (parsed.positionals.length > 1) return exitWithUsageError(spec, `expected one <${spec.positional!.name}>, got ${parsed.positionals.length}: ${parsed.positionals.map((arg) => JSON.stringify(arg)).join(' ')} (quote a name with spaces)`);
  return { values: parsed.values as ValuesOf<T>, positionals: parsed.positionals };
}

function isStringOptionFlag<T extends Record<string, CliOption>>(spec: CliSpec<T>, arg: string | undefined): boolean {
  if (!arg?.startsWith('-') || arg.includes('=')) return false;
  const option = arg.startsWith('--') ? spec.options[arg.slice(2)] : Object.values(spec.options).find((candidate) => candidate.short === arg.slice(1));
  return option?.type === 'string';
}

/** The content folder a command works on, absolute: its --content flag, else $WATCHBLOG_CONTENT, else ./content. */
export function resolveContentOption(flag: string | undefined): string {
  return path.resolve(chooseContentFolder(flag ?? process.env.WATCHBLOG_CONTENT));
}
