import { z } from 'zod';

/** One line per problem, each naming the path of the bad field: `stages[2].deadline: Required`. */
export function describeIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const path = issue.path.length > 0 ? z.core.toDotPath(issue.path) : '(top level)';
    return `${path}: ${issue.message}`;
  });
}
