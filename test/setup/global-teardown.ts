// Jest global teardown: removes the scratch folder of global-setup.ts.
import { rmSync } from 'node:fs';

export default function globalTeardown(): void {
  const root = process.env.KOPPELKAART_BUILD_ROOT;
  if (root) rmSync(root, { recursive: true, force: true });
}
