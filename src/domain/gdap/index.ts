export * from './duration';
export * from './entraRoles';
export * from './templates';
export * from './requestName';
export * from './expiry';
export * from './relationshipList';
