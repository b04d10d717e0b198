/** Feedback owns only the messaging tables so far; its domain tables arrive with its features. */
export const feedbackMigrations = [];
