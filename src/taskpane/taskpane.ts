// entry of taskpane.html: the task pane inside Excel, with office.js loaded by the page
import './style.css';
import { startExcel } from '../ui/excel-mode';
import { basemapWanted, findShell, showStatus } from './shell';
import { OFFICE_JS_ONTBREEKT, WACHT_OP_EXCEL, statusNaOfficeReady } from './status';

const shell = findShell(document);
if (typeof Office === 'undefined') {
  // the page's script tag for office.js failed: say so instead of throwing
  showStatus(shell, OFFICE_JS_ONTBREEKT);
} else {
  showStatus(shell, WACHT_OP_EXCEL);
  Office.onReady((info) => {
    // office.js's HostType values are strings at run time ("Excel"), typed as an enum
    const host = info.host ? String(info.host) : null;
    showStatus(shell, statusNaOfficeReady(host));
    if (host === 'Excel') startExcel(shell.app, { basemap: basemapWanted(window.location) });
  });
}
