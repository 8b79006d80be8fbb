import { readdirSync } from 'fs';
import { join } from 'path';

// The ops modules import each other in cycles (the factories in elementwise.ts build ops that
// reduce.ts and others use). Whichever module a user or bundler loads first must still work.
describe('module load order', () => {
  const dir = join(__dirname, 'ops');
  const modules = readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.spec.ts'));

  it.each(modules)('%s can be the first module loaded', (file) => {
    jest.isolateModules(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const m = require(join(dir, file));
      expect(Object.keys(m).length).toBeGreaterThan(0);
    });
  });
});
