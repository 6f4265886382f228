/** The methods a path item of an OpenAPI document may hold an operation for (no imports: the scripts read it under plain ts-node). */
export const OPENAPI_METHODS = ['get', 'put', 'post', 'delete', 'patch', 'options', 'head', 'trace'] as const;
