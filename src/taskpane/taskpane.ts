// entry of taskpane.html: the task pane inside Excel, with office.js loaded by the page
import './style.css';
import { findShell, showStatus } from './shell';
import { WACHT_OP_EXCEL, statusNaOfficeReady } from './status';

const shell = findShell(document);
showStatus(shell, WACHT_OP_EXCEL);
// office.js's HostType values are strings at run time ("Excel"), typed as an enum
Office.onReady((info) => showStatus(shell, statusNaOfficeReady(info.host ? String(info.host) : null)));
