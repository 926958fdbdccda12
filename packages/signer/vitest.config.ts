import { packageTestConfig } from '../../vitest.shared.ts';

export default packageTestConfig(import.meta.dirname, {
  notUnit: { 'test/browser.test.ts': 'runs the vectors in headless Chromium' },
});
