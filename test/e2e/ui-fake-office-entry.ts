// browser entry of the fake office.js for the task pane's e2e test: the workbook comes from
// `window.__fakeSeed`, set by the lines the test puts in front of this bundle
import { FakeWorkbook, installFakeOffice, type SeedWorkbook } from '../fake-office';

const seed = (window as unknown as { __fakeSeed: SeedWorkbook }).__fakeSeed;
installFakeOffice(new FakeWorkbook(seed), window);
