/**
 * Just enough of Bicep's syntax to check deployment/*.bicep against the code without a Bicep
 * compiler: comments, strings (with `${…}` interpolation), balanced blocks, declarations.
 * Anything this does not understand makes the infra test fail loudly rather than pass silently.
 */

export interface BicepSource {
  readonly file: string;
  /** The text with comments blanked (same length and line breaks as the file). */
  readonly code: string;
  /** `code` with string contents blanked too: for finding structure (braces, keys) safely. */
  readonly skeleton: string;
}

export interface ResourceDecl {
  readonly file: string;
  readonly symbol: string;
  readonly type: string;
  readonly apiVersion: string;
  /** The declaration's body `{…}` or `[…]` (comment-free code). */
  readonly body: string;
  /** Same span of the skeleton. */
  readonly bodySkeleton: string;
}

export interface ParamDecl {
  readonly name: string;
  readonly type: string;
  /** Default value expression, undefined when the parameter is required. */
  readonly defaultValue?: string;
}

const blank = (s: string) => s.replace(/[^\n]/g, ' ');

/** Blanks comments, and (for the skeleton) the literal parts of strings; keeps offsets. */
export function parseBicep(file: string, text: string): BicepSource {
  let code = '';
  let skeleton = '';
  let i = 0;
  // Stack of contexts: 'code' (with brace depth for interpolations) or 'string'.
  const stack: Array<{ kind: 'code'; depth: number } | { kind: 'string' }> = [{ kind: 'code', depth: 0 }];
  const emit = (s: string, skel?: string) => {
    code += s;
    skeleton += skel ?? s;
  };
  while (i < text.length) {
    const top = stack[stack.length - 1];
    const ch = text[i] as string;
    const two = text.slice(i, i + 2);
    if (!top || top.kind === 'code') {
      if (text.startsWith("'''", i)) {
        // Multi-line string: no escapes, no interpolation.
        const end = text.indexOf("'''", i + 3);
        if (end < 0) throw new Error(`${file}: unterminated ''' string`);
        const s = text.slice(i, end + 3);
        emit(s, `'''${blank(s.slice(3, -3))}'''`);
        i = end + 3;
      } else if (two === '//') {
        const end = text.indexOf('\n', i);
        const stop = end < 0 ? text.length : end;
        emit(blank(text.slice(i, stop)));
        i = stop;
      } else if (two === '/*') {
        const end = text.indexOf('*/', i + 2);
        if (end < 0) throw new Error(`${file}: unterminated /* comment`);
        emit(blank(text.slice(i, end + 2)));
        i = end + 2;
      } else if (ch === "'") {
        stack.push({ kind: 'string' });
        emit(ch);
        i++;
      } else {
        if (top && ch === '{') top.depth++;
        if (top && ch === '}') {
          if (top.depth === 0 && stack.length > 1) {
            // End of a `${…}` interpolation: back into the string.
            stack.pop();
            emit(ch);
            i++;
            continue;
          }
          top.depth--;
        }
        emit(ch);
        i++;
      }
    } else {
      if (ch === '\\') {
        emit(text.slice(i, i + 2), '  ');
        i += 2;
      } else if (two === '${') {
        stack.push({ kind: 'code', depth: 0 });
        emit(two);
        i += 2;
      } else if (ch === "'") {
        stack.pop();
        emit(ch);
        i++;
      } else {
        emit(ch, ch === '\n' ? '\n' : ' ');
        i++;
      }
    }
  }
  if (stack.length !== 1) throw new Error(`${file}: unterminated string or interpolation`);
  return { file, code, skeleton };
}

/** Index just past the bracket that closes the one at `open` (skeleton text, so strings are blank). */
export function matchingClose(skeleton: string, open: number): number {
  const pairs: Record<string, string> = { '{': '}', '[': ']', '(': ')' };
  const expected: string[] = [];
  for (let i = open; i < skeleton.length; i++) {
    const ch = skeleton[i] as string;
    if (pairs[ch]) expected.push(pairs[ch]);
    else if (ch === '}' || ch === ']' || ch === ')') {
      if (expected.pop() !== ch) throw new Error(`unbalanced '${ch}' at offset ${i}`);
      if (expected.length === 0) return i + 1;
    }
  }
  throw new Error(`no closing bracket for offset ${open}`);
}

export function resources(src: BicepSource): ResourceDecl[] {
  const out: ResourceDecl[] = [];
  const re = /^[ \t]*resource\s+(\w+)\s+'([^'@]+)@([^']+)'[^=\n]*=/gm;
  for (let m = re.exec(src.code); m; m = re.exec(src.code)) {
    const open = src.skeleton.slice(m.index + m[0].length).search(/[{[]/);
    if (open < 0) throw new Error(`${src.file}: resource ${m[1]} has no body`);
    const start = m.index + m[0].length + open;
    const end = matchingClose(src.skeleton, start);
    out.push({
      file: src.file,
      symbol: m[1] as string,
      type: m[2] as string,
      apiVersion: m[3] as string,
      body: src.code.slice(start, end),
      bodySkeleton: src.skeleton.slice(start, end),
    });
  }
  return out;
}

/** `var name = <expression>` → the expression (a whole block when it starts with { or [). */
export function variables(src: BicepSource): Map<string, string> {
  const out = new Map<string, string>();
  const re = /^[ \t]*var\s+(\w+)\s*=[ \t]*/gm;
  for (let m = re.exec(src.code); m; m = re.exec(src.code)) {
    const start = m.index + m[0].length;
    const first = src.code[start];
    const end =
      first === '{' || first === '['
        ? matchingClose(src.skeleton, start)
        : (() => {
            const nl = src.code.indexOf('\n', start);
            return nl < 0 ? src.code.length : nl;
          })();
    out.set(m[1] as string, src.code.slice(start, end).trim());
  }
  return out;
}

export function params(src: BicepSource): Map<string, ParamDecl> {
  const out = new Map<string, ParamDecl>();
  const re = /^[ \t]*param\s+(\w+)\s+(\w+\??)(?:[ \t]*=[ \t]*([^\n]*))?$/gm;
  for (let m = re.exec(src.code); m; m = re.exec(src.code)) {
    const defaultValue = m[3]?.trim();
    out.set(m[1] as string, {
      name: m[1] as string,
      type: m[2] as string,
      defaultValue: defaultValue || undefined,
    });
  }
  return out;
}

/** `param name = …` lines of a .bicepparam file. */
export function paramAssignments(src: BicepSource): Map<string, string> {
  const out = new Map<string, string>();
  const re = /^[ \t]*param\s+(\w+)\s*=[ \t]*([^\n]*)$/gm;
  for (let m = re.exec(src.code); m; m = re.exec(src.code)) out.set(m[1] as string, (m[2] as string).trim());
  return out;
}

/** A value inside a block: its trimmed text and where that text starts in the block. */
export interface EntrySpan {
  readonly value: string;
  readonly start: number;
}

/**
 * The keys of an object block `{ … }` at its top level (one key per line), with their value
 * expressions. Values may span lines (a nested block, or a ternary continued on the next line).
 */
export function objectEntrySpans(block: string, blockSkeleton: string): Map<string, EntrySpan> {
  if (!block.startsWith('{')) throw new Error(`not an object block: ${block.slice(0, 40)}`);
  const keys: Array<{ key: string; keyStart: number; valueStart: number }> = [];
  let depth = 0;
  for (let i = 1; i < blockSkeleton.length - 1; i++) {
    if (depth === 0 && blockSkeleton[i - 1] === '\n') {
      const m = /^[ \t]*(?:(\w+)|'([^'\n]*)')[ \t]*:/.exec(block.slice(i));
      if (m) keys.push({ key: (m[1] ?? m[2]) as string, keyStart: i, valueStart: i + m[0].length });
    }
    const ch = blockSkeleton[i];
    if (ch === '{' || ch === '[' || ch === '(') depth++;
    else if (ch === '}' || ch === ']' || ch === ')') depth--;
  }
  const out = new Map<string, EntrySpan>();
  keys.forEach((k, n) => {
    const end = keys[n + 1]?.keyStart ?? block.length - 1;
    const raw = block.slice(k.valueStart, end);
    const lead = raw.length - raw.trimStart().length;
    out.set(k.key, { value: raw.trim(), start: k.valueStart + lead });
  });
  return out;
}

export function objectEntries(block: string, blockSkeleton: string): Map<string, string> {
  return new Map([...objectEntrySpans(block, blockSkeleton)].map(([k, v]) => [k, v.value]));
}

/** Follows `name` → `var name = …` until the expression is not a bare variable name. */
export function resolveVariable(expr: string, vars: ReadonlyMap<string, string>): string {
  let current = expr.trim();
  for (let hops = 0; hops < 10 && /^\w+$/.test(current) && vars.has(current); hops++) {
    current = (vars.get(current) as string).trim();
  }
  return current;
}
