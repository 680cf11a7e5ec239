// entry of index.html: the same UI outside Excel (no office.js), opened by `npm start`
import './style.css';
import { startStandalone } from '../ui/standalone-mode';
import { findShell, showStatus } from './shell';
import { STANDALONE } from './status';

const shell = findShell(document);
showStatus(shell, STANDALONE);
startStandalone(shell.app);
