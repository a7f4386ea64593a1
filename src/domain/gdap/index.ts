export * from './duration';
export * from './entraRoles';
export * from './templates';
