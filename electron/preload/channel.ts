/**
 * The one IPC channel the app uses. Every API call goes through it as (method, input), so
 * the main process has a single door to guard and the contract decides what is callable.
 */
export const API_CHANNEL = 'api:call'
