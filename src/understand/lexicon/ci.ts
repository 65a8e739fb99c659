import type { CI_SYSTEMS } from '../../core/interpretation.js';

export type CiSystem = (typeof CI_SYSTEMS)[number];

/** CI systems and how people write them. Jenkins is decided by context (see services.ts). */
export interface CiSynonym {
  phrase: string;
  ci: CiSystem | null;
}

const c = (ci: CiSystem | null, phrases: string[]): CiSynonym[] => phrases.map((phrase) => ({ phrase, ci }));

export const CI_SYNONYMS: CiSynonym[] = [
  ...c('github-actions', [
    'github actions', 'github action', 'gh actions', 'gha', 'actions workflow', 'github workflow', '.github/workflows',
    'github ci', 'actions runner', 'github actions workflow',
  ]),
  ...c('gitlab-ci', ['gitlab', 'gitlab ci', 'gitlab-ci', '.gitlab-ci.yml', 'gitlab pipeline', 'gitlab runner', 'gitlab ci/cd']),
  ...c('circleci', ['circleci', 'circle ci', 'circle', '.circleci', '.circleci/config.yml']),
  ...c('jenkins', ['jenkinsfile', 'jenkins pipeline', 'jenkins job', 'jenkins build']),
  ...c('azure-pipelines', ['azure pipelines', 'azure pipeline', 'azure devops', 'azure-pipelines.yml', 'azure devops pipeline', 'ado pipeline']),
];
