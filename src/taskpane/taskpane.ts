// entry of taskpane.html: the task pane inside Excel, with office.js loaded by the page
import './style.css';
import { findShell, showStatus } from './shell';
import { OFFICE_JS_ONTBREEKT, WACHT_OP_EXCEL, statusNaOfficeReady } from './status';

const shell = findShell(document);
if (typeof Office === 'undefined') {
  // the page's script tag for office.js failed: say so instead of throwing
  showStatus(shell, OFFICE_JS_ONTBREEKT);
} else {
  showStatus(shell, WACHT_OP_EXCEL);
  // office.js's HostType values are strings at run time ("Excel"), typed as an enum
  Office.onReady((info) => showStatus(shell, statusNaOfficeReady(info.host ? String(info.host) : null)));
}
