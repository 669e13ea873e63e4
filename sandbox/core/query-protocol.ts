import type { AwsError } from './aws-error'
import type { AwsResponse } from './aws-types'
import { renderXmlDocument, type XmlValue } from './xml-writer'

export const IAM_NAMESPACE = 'https://iam.amazonaws.com/doc/2010-05-08/'
export const STS_NAMESPACE = 'https://sts.amazonaws.com/doc/2011-06-15/'

/**
 * Renders a Query success: `<OpResponse><OpResult>…</OpResult><ResponseMetadata>`. Operations without output
 * (UpdateAssumeRolePolicy) pass `result: undefined` and get only the metadata, as IAM does.
 */
export function renderQueryResult(
  operation: string,
  namespace: string,
  result: XmlValue | undefined,
  requestId: string,
): AwsResponse {
  const content: Record<string, XmlValue> = {}
  if (result !== undefined) content[`${operation}Result`] = result
  content.ResponseMetadata = { RequestId: requestId }
  return {
    status: 200,
    headers: { 'content-type': 'text/xml', 'x-amzn-requestid': requestId },
    body: renderXmlDocument(`${operation}Response`, namespace, content),
  }
}

/**
 * Renders a Query error as `<ErrorResponse><Error><Type/><Code/><Message/></Error><RequestId/>`; the SDK reads
 * `Error.Code` and `Error.Message`. `Type` is Sender for 4xx and Receiver for 5xx. With `json` (STS called with
 * `Accept: application/json`, as aws-iam-authenticator does) the same fields come back as JSON.
 */
export function renderQueryError(error: AwsError, namespace: string, requestId: string, json = false): AwsResponse {
  const type = error.status >= 500 ? 'Receiver' : 'Sender'
  if (json) {
    return {
      status: error.status,
      headers: { 'content-type': 'application/json', 'x-amzn-requestid': requestId },
      body: JSON.stringify({ Error: { Code: error.code, Message: error.message, Type: type }, RequestId: requestId }),
    }
  }
  return {
    status: error.status,
    headers: { 'content-type': 'text/xml', 'x-amzn-requestid': requestId },
    body: renderXmlDocument('ErrorResponse', namespace, {
      Error: { Type: type, Code: error.code, Message: error.message },
      RequestId: requestId,
    }),
  }
}

/** Renders an EKS (restJson1) error: `x-amzn-ErrorType` header plus `{"message": …}` body (docs/eks-wire-protocols.md#errors). */
export function renderRestJsonError(error: AwsError, requestId: string): AwsResponse {
  return {
    status: error.status,
    headers: {
      'content-type': 'application/json',
      'x-amzn-errortype': error.code,
      'x-amzn-requestid': requestId,
    },
    body: JSON.stringify({ message: error.message, ...error.extra }),
  }
}
