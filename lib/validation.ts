import type * as z from 'zod';
// From zod's core directly: reaching it through `z.core` makes a bundler keep every locale (about 250 KB).
import { toDotPath } from 'zod/v4/core';

/** One line per problem, each naming the path of the bad field: `stages[2].deadline: Required`. */
export function describeIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const path = issue.path.length > 0 ? toDotPath(issue.path) : '(top level)';
    return `${path}: ${issue.message}`;
  });
}

/**
 * The same problems, for logs: the path and zod's issue code only, since a message may quote
 * part of the input, and an event's input may hold an address or a subject.
 */
export function issueCodes(error: z.ZodError): string[] {
  return error.issues.map((issue) => `${issue.path.length > 0 ? toDotPath(issue.path) : '(top level)'}: ${issue.code}`);
}
