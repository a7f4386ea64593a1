export * from './errors';
export * from './gdapClient';
export { GraphTransport, type GraphTransportOptions } from './graphTransport';
export * from './httpGdapClient';
export * from './tokens';
export * from './types';
