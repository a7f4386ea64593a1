import type { Feature } from '../feature';
import type { DialogServices } from '../services';
import { ProvidersDialog } from './providersDialog';

export function createProvidersFeature(services: DialogServices): Feature {
  return { commands: { providers: new ProvidersDialog(services) } };
}
