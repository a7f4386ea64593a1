/**
 * The wire contract of the search-based message extension ("Customers" / "Kunden"): the manifest
 * (src/appPackage) declares this command and parameter, the bot (src/dialogs/messageExtension)
 * answers `composeExtension/query` invokes naming them.
 */
export const CUSTOMER_SEARCH_COMMAND_ID = 'searchCustomers';
/** The text box of the command: what the user types in the compose box. */
export const CUSTOMER_SEARCH_PARAMETER = 'searchText';
/** The parameter Teams sends instead when it runs the command once before anything is typed. */
export const INITIAL_RUN_PARAMETER = 'initialRun';
