// Public surface of the analysis core (pure TypeScript, no vscode).
export * from './types';
export { analyze } from './analyze';
export { toScoredEntities, type ScoredEntity } from './export';
