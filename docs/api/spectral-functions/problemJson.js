// Every 4xx/5xx answer is an RFC 9457 problem (platform-commons ProblemMappers): the document must say so.
export default function problemJson(response) {
  const content = response && response.content;
  if (content && typeof content === 'object' && content['application/problem+json']) {
    return [];
  }
  return [{ message: 'an error response without application/problem+json content' }];
}
