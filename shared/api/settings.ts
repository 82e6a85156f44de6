/** The settings domain's API methods (filled in by its issue). */
export const settingsContract = {}
