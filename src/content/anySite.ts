/**
 * The content script for pages of sites that are not on the list: on-demand checks (a toolbar click), every
 * site when the user opted in, and the sites they added. The known-sites script plus the open-standards reader,
 * which finds communities that no platform file or software fingerprint names. Import order matters: the
 * reader is in place before index.ts reads the page for its first report.
 */
import './withStandards';
import './index';
