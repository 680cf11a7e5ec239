// entry of index.html: the same shell outside Excel (no office.js), opened by `npm start`
import './style.css';
import { findShell, showStatus } from './shell';
import { STANDALONE } from './status';

showStatus(findShell(document), STANDALONE);
