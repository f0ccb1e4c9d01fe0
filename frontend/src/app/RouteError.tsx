import { useRouteError } from 'react-router';
import { ErrorResult } from '../components/ErrorResult';

/** A screen that failed to load or render, inside the app frame, with a way out. */
export function RouteError() {
  const error = useRouteError();
  return <ErrorResult error={error} onRetry={() => window.location.reload()} />;
}
