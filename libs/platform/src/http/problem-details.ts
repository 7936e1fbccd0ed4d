// The RFC 9457 problem+json shape every HTTP error leaves in, apart from the
// filter that produces it, so error tables can name it without a cycle.

export interface FieldError {
  path: string;
  message: string;
}

export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  errors?: FieldError[];
  [extension: string]: unknown;
}

export const PROBLEM_BASE = 'https://hiring.local/problems/';
