import type { Rule, ToolTable, Verdict } from './types.js';

const RUNS_PROJECT_CODE: Verdict = { level: 'admin', reason: 'runs project code (scripts, tests, builds), which can do anything' };

/** The rows every package manager shares: look, install, remove. */
function packageRules(verbs: { inspect: string; install: string; remove: string; run?: string }): Rule[] {
  const rules: Rule[] = [
    { id: 'inspect', when: { sub: verbs.inspect }, level: 'read', reason: 'shows packages' },
    { id: 'remove', when: { sub: verbs.remove }, level: 'admin', reason: 'removes packages', traits: ['acts-on-targets'] },
    { id: 'install', when: { sub: verbs.install }, level: 'write', reason: 'installs or updates packages' },
  ];
  if (verbs.run) rules.push({ id: 'run', when: { sub: verbs.run }, ...RUNS_PROJECT_CODE });
  return rules;
}

const apt: ToolTable = {
  id: 'apt',
  names: ['apt', 'apt-get', 'aptitude', 'apt-cache', 'nala'],
  bundles: true,
  valueFlags: ['-o', '-c', '-t', '--target-release'],
  rules: [
    { id: 'simulate', when: { anyFlag: ['-s', '--simulate', '--dry-run', '--just-print', '--no-act', '--recon'] }, level: 'read', reason: 'simulates package changes' },
    ...packageRules({
      inspect: 'list|search|show|showpkg|showsrc|policy|depends|rdepends|madison|changelog|stats|dump|pkgnames|dotty|unmet|why|why-not|help|moo|check',
      install: 'update|upgrade|install|reinstall|full-upgrade|dist-upgrade|build-dep|download|source|satisfy|markauto|unmarkauto|hold|unhold|edit-sources',
      remove: 'remove|purge|autoremove|autopurge|clean|autoclean',
    }),
  ],
  otherwise: { level: 'admin', reason: 'an apt subcommand that is not known' },
};

const dpkg: ToolTable = {
  id: 'dpkg',
  names: ['dpkg', 'dpkg-query', 'rpm', 'dpkg-reconfigure'],
  bundles: true,
  rules: [
    { id: 'inspect', when: { anyFlag: ['-l', '-L', '-s', '-S', '-p', '-q', '--list', '--listfiles', '--status', '--search', '--print-avail', '--get-selections', '--query', '--verify', '-V', '-W', '--show', '--print-architecture', '-c', '--contents', '-I', '--info'] }, level: 'read', reason: 'shows installed packages' },
    { id: 'remove', when: { anyFlag: ['-r', '-P', '-e', '--remove', '--purge', '--erase'] }, level: 'admin', reason: 'removes packages' },
    { id: 'install', when: { anyFlag: ['-i', '-U', '-F', '--install', '--upgrade', '--freshen', '--configure', '--unpack'] }, level: 'write', reason: 'installs packages' },
  ],
  otherwise: { level: 'admin', reason: 'changes the package database' },
};

const yum: ToolTable = {
  id: 'yum',
  names: ['yum', 'dnf', 'microdnf', 'tdnf', 'zypper'],
  valueFlags: ['--enablerepo', '--disablerepo', '-c', '--config', '--installroot'],
  rules: [
    { id: 'simulate', when: { anyFlag: ['--assumeno', '--dry-run', '-D'] }, level: 'read', reason: 'simulates package changes' },
    ...packageRules({
      inspect: 'list|info|search|se|provides|whatprovides|repolist|lr|check-update|list-updates|lu|history|deplist|repoquery|help|if|pa|packages|patches|repos',
      install: 'install|in|update|up|upgrade|makecache|groupinstall|reinstall|downgrade|distro-sync|localinstall|refresh|ref|dup|dist-upgrade|patch|config-manager|module',
      remove: 'remove|rm|erase|autoremove|clean|groupremove',
    }),
  ],
  otherwise: { level: 'admin', reason: 'a package manager subcommand that is not known' },
};

const apk: ToolTable = {
  id: 'apk',
  names: ['apk', 'pacman', 'yay', 'pkg', 'port', 'emerge', 'xbps-install', 'opkg', 'snap', 'flatpak', 'choco', 'winget', 'scoop'],
  bundles: true,
  rules: [
    { id: 'pacman-inspect', when: { anyFlag: ['-Q', '-Ss', '-Si', '-Qi', '-Ql', '-Qs', '-Qe', '-Qdt'] }, level: 'read', reason: 'shows packages' },
    { id: 'pacman-remove', when: { anyFlag: ['-R', '-Rs', '-Rns', '-Rdd', '-Sc', '-Scc'] }, level: 'admin', reason: 'removes packages' },
    { id: 'pacman-install', when: { anyFlag: ['-S', '-Sy', '-Syu', '-Syyu', '-U'] }, level: 'write', reason: 'installs or updates packages' },
    ...packageRules({
      inspect: 'info|search|list|find|show|policy|stats|dot|audit|connections|interfaces|changes|services|outdated|version',
      install: 'add|install|update|upgrade|refresh|fix|fetch|sync|enable|disable|revert|connect|alias|switch',
      remove: 'del|remove|uninstall|purge|cache|clean|autoremove|disconnect',
    }),
  ],
  otherwise: { level: 'admin', reason: 'a package manager subcommand that is not known' },
};

const brew: ToolTable = {
  id: 'brew',
  names: ['brew'],
  rules: [
    { id: 'setup', when: { sub: 'shellenv' }, level: 'read', reason: 'prints its shell setup', traits: ['prints-tool-setup'] },
    ...packageRules({
      inspect: 'list|ls|info|search|outdated|config|doctor|deps|uses|leaves|desc|home|--prefix|--cellar|--cache|--repository|--version|tap-info|commands|log|services list',
      install: 'install|upgrade|update|reinstall|tap|link|unlink|pin|unpin|bundle|services|fetch|autoupdate',
      remove: 'uninstall|remove|rm|untap|cleanup|autoremove',
    }),
  ],
  otherwise: { level: 'admin', reason: 'a brew subcommand that is not known' },
};

const npm: ToolTable = {
  id: 'npm',
  names: ['npm', 'pnpm'],
  valueFlags: ['--prefix', '-C', '--dir', '-w', '--workspace', '--filter', '--registry', '--tag'],
  rules: [
    { id: 'inspect', when: { sub: 'ls|list|ll|la|view|v|info|show|search|s|find|outdated|doctor|whoami|ping|explain|why|help|prefix|root|bin|fund|query|docs|home|repo|bugs|completion|-v|--version|licenses' }, level: 'read', reason: 'shows packages' },
    { id: 'inspect', when: { sub: 'config|c|pkg|get', arg: /^(get|list|ls)$/ }, level: 'read', reason: 'shows configuration' },
    { id: 'inspect', when: { sub: 'audit', noFlag: ['--fix'], noArgs: true }, level: 'read', reason: 'reports known vulnerabilities' },
    { id: 'inspect', when: { sub: 'version', noArgs: true }, level: 'read', reason: 'shows versions' },
    { id: 'unpublish', when: { sub: 'unpublish' }, level: 'dangerous', reason: 'removes a published package others may depend on' },
    { id: 'remove', when: { sub: 'uninstall|remove|rm|r|un|unlink|prune|dedupe' }, level: 'admin', reason: 'removes packages', traits: ['acts-on-targets'] },
    { id: 'remove', when: { sub: 'cache', arg: /^clean$/ }, level: 'admin', reason: 'clears the package cache' },
    { id: 'install', when: { sub: 'install|i|in|ins|inst|insta|instal|isnt|isntall|add|ci|clean-install|update|up|upgrade|link|ln|rebuild|audit|version|init|create|pack|publish|deprecate|dist-tag|config|c|set|pkg|cache|login|logout|adduser|token|access|owner|team|star|unstar|fetch|import|setup|env' }, level: 'write', reason: 'installs, updates or publishes packages' },
    { id: 'run', when: { sub: 'test|t|tst|start|stop|restart|run|run-script|rum|urn|exec|x|dlx|explore|edit|install-test|it|cit|install-ci-test|rb' }, ...RUNS_PROJECT_CODE },
  ],
  // pnpm runs a script by its name alone.
  otherwise: RUNS_PROJECT_CODE,
};

const yarn: ToolTable = {
  id: 'yarn',
  names: ['yarn', 'bun'],
  valueFlags: ['--cwd'],
  rules: [
    { id: 'install', when: { noArgs: true }, level: 'write', reason: 'installs the project\'s packages' },
    { id: 'inspect', when: { sub: ['list|info|why|outdated|licenses|config|-v|--version|help|bin', 'cache dir', 'npm info', 'pm ls'] }, level: 'read', reason: 'shows packages' },
    { id: 'remove', when: { sub: 'remove|unlink|autoclean|rm' }, level: 'admin', reason: 'removes packages', traits: ['acts-on-targets'] },
    { id: 'install', when: { sub: 'install|i|add|upgrade|upgrade-interactive|up|link|import|init|create|pack|publish|login|logout|global|set|plugin|dedupe' }, level: 'write', reason: 'installs, updates or publishes packages' },
  ],
  otherwise: RUNS_PROJECT_CODE,
};

const runners: ToolTable = {
  id: 'packages.run',
  names: ['npx', 'pnpx', 'bunx', 'yarnpkg', 'uvx', 'pipx-run', 'corepack', 'nx', 'turbo', 'lerna', 'jest', 'vitest', 'mocha', 'pytest', 'tox', 'nox', 'phpunit', 'rspec', 'tsx', 'ts-node', 'nodemon', 'webpack', 'vite', 'next', 'ng', 'gulp', 'grunt'],
  rules: [{ id: 'version', when: { anyFlag: ['--version', '-v', '--help'], noArgs: true }, level: 'read', reason: 'prints its version' }],
  otherwise: RUNS_PROJECT_CODE,
};

const builds: ToolTable = {
  id: 'build',
  names: ['make', 'gmake', 'cmake', 'ninja', 'meson', 'just', 'task', 'rake', 'invoke', 'mvn', 'mvnw', 'gradle', 'gradlew', 'ant', 'sbt', 'bazel', 'bazelisk', 'buck', 'scons', 'waf', 'xcodebuild', 'msbuild'],
  bundles: true,
  valueFlags: ['-C', '-f', '--file', '-j', '--jobs', '-l', '-o'],
  rules: [
    { id: 'dry-run', when: { anyFlag: ['-n', '--dry-run', '--just-print', '--recon', '-q', '--question', '--list', '-l', '--summary', '--version', '-p', '--print-data-base'] }, level: 'read', reason: 'shows what a build would do' },
    { id: 'dry-run', when: { sub: 'tasks|projects|dependencies|help|query|--list|-T' }, level: 'read', reason: 'lists build targets' },
  ],
  otherwise: RUNS_PROJECT_CODE,
};

const pip: ToolTable = {
  id: 'pip',
  names: ['pip', 'pip3', 'pip2', 'pipx', 'uv', 'poetry', 'pipenv', 'conda', 'mamba', 'micromamba', 'pdm', 'hatch', 'rye', 'gem', 'bundle', 'bundler', 'composer', 'cpan', 'cpanm', 'luarocks', 'helmfile-deps'],
  valueFlags: ['-r', '--requirement', '-c', '--constraint', '-i', '--index-url', '--extra-index-url', '-t', '--target', '-n', '--name', '-p', '--prefix', '--python', '-e', '--editable', '--directory', '-C'],
  rules: [
    { id: 'dry-run', when: { anyFlag: ['--dry-run'] }, level: 'read', reason: 'simulates package changes' },
    { id: 'inspect', when: { sub: 'list|show|freeze|check|search|config|index|inspect|debug|help|info|env|outdated|tree|--version|-V|version|why|deps|licenses|which|doctor' }, level: 'read', reason: 'shows packages' },
    { id: 'inspect', when: { sub: ['pip list|show|freeze|check|tree', 'env|tool|python list', 'cache dir|info|list'] }, level: 'read', reason: 'shows packages' },
    { id: 'remove', when: { sub: 'uninstall|remove|rm|purge|clean|autoremove|yank' }, level: 'admin', reason: 'removes packages', traits: ['acts-on-targets'] },
    { id: 'remove', when: { sub: ['pip uninstall', 'cache purge|clean|remove', 'env remove', 'tool uninstall'] }, level: 'admin', reason: 'removes packages', traits: ['acts-on-targets'] },
    { id: 'run', when: { sub: ['run|exec|shell|script|x', 'tool run'] }, ...RUNS_PROJECT_CODE },
    { id: 'install', when: { sub: 'install|download|wheel|add|sync|lock|update|upgrade|build|new|init|create|publish|venv|pip|tool|python|self|activate|deactivate|cache|env|inject|ensurepath|require|dump-autoload|fetch|package|cache' }, level: 'write', reason: 'installs, updates or publishes packages' },
  ],
  otherwise: { level: 'admin', reason: 'a package manager subcommand that is not known' },
};

const languageTools: ToolTable = {
  id: 'toolchain',
  names: ['cargo', 'go', 'dotnet', 'rustup', 'nvm', 'pyenv', 'rbenv', 'sdk', 'asdf', 'mise', 'volta', 'fnm', 'swift', 'deno', 'mix', 'stack', 'cabal', 'flutter', 'dart'],
  valueFlags: ['-C', '--manifest-path', '-p', '--package', '-o'],
  rules: [
    { id: 'setup', when: { sub: 'init|shellenv|env', arg: /^-$|^(bash|zsh|fish|sh)$/ }, level: 'read', reason: 'prints its shell setup', traits: ['prints-tool-setup'] },
    { id: 'inspect', when: { sub: 'version|--version|-V|help|list|ls|ls-remote|current|which|tree|metadata|search|locate-project|verify-project|info|doc|vet|env|show|outdated|check|--info|--list-sdks|--list-runtimes|lint|pkgid|read-manifest|audit|deps|versions|doctor' }, level: 'read', reason: 'shows the toolchain or project' },
    { id: 'inspect', when: { sub: 'mod', arg: /^(graph|why|verify|edit -json)$/ }, level: 'read', reason: 'shows modules' },
    { id: 'remove', when: { sub: 'clean|uninstall|remove|rm|yank|unpublish|cache' }, level: 'admin', reason: 'removes builds or packages' },
    { id: 'run', when: { sub: 'run|test|bench|generate|watch|exec|x|ef|script|repl|eval|task|serve' }, ...RUNS_PROJECT_CODE },
    { id: 'build', when: { sub: 'build|b|check|c|fetch|install|get|update|add|new|init|fmt|mod|work|doc|package|publish|restore|pack|new|sln|tool|use|global|local|default|alias|upgrade|compile|deps.get|pub|create' }, level: 'write', reason: 'builds, formats or installs' },
  ],
  otherwise: { level: 'admin', reason: 'a toolchain subcommand that is not known' },
};

export const PACKAGE_TABLES: ToolTable[] = [apt, dpkg, yum, apk, brew, npm, yarn, runners, builds, pip, languageTools];
