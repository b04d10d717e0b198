import { api, ApiError, unwrap } from '../../api/client';
import { problemFromStatus } from '../../api/problem';
import { downloadName } from './download-name';

/** The citizen's own data: the JSON download, who read it, erasure. */
export const personalDataApi = {
  access: () => unwrap(api.GET('/api/v1/me/personal-data/access')),
  erase: (mobileLast4: string) => unwrap(api.DELETE('/api/v1/me/personal-data', { body: { mobileLast4 } })),
  /** The JSON file as a Blob, with the name to save it under. */
  async download(today: string): Promise<{ blob: Blob; filename: string }> {
    const { data, response } = await api.GET('/api/v1/me/personal-data', { parseAs: 'blob' });
    if (!response.ok || !data) throw new ApiError(problemFromStatus(response.status));
    return { blob: data as Blob, filename: downloadName(response.headers.get('content-disposition'), today) };
  },
};
