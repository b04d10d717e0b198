// Types of browser-prerequisites.mjs, for the TypeScript that imports it (e2e-portal).
export declare const CHROMIUM_PATH: string;
export declare const NOTO_CJK_DIR: string;
export declare const APT_PACKAGES: readonly string[];
export declare const APT_INSTALL: string;

export interface BrowserFacts {
  chromiumPath?: string;
  chromiumExists: boolean;
  zhFontFamilies: string;
  notoDirExists: boolean;
  isRoot: boolean;
}

export type BrowserDecision =
  | { action: 'ok'; missing: string[] }
  | { action: 'install'; missing: string[]; command: string }
  | { action: 'stop'; missing: string[]; message: string };

export declare function browserPrerequisites(facts: BrowserFacts): BrowserDecision;
export declare function probeBrowserPrerequisites(env?: NodeJS.ProcessEnv): Required<BrowserFacts>;
export declare function ensureBrowserPrerequisites(options?: {
  env?: NodeJS.ProcessEnv;
  run: (command: string) => Promise<number>;
  say?: (line: string) => void;
}): Promise<BrowserDecision>;
