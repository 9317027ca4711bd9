import { screen } from '@testing-library/react';
import type { JoinRoomRefused } from '@parley/contracts';
import { renderWithApp } from '../test/render';
import { LiveRefusalNotice } from './LiveStatusIndicator';

const D = '0b5e3c61-2d1f-4f55-8c3c-6a9b7d3e2f02';
const refused = (code: JoinRoomRefused['code'], params: JoinRoomRefused['params'], detail: string): JoinRoomRefused => ({ ok: false, room: `doc:${D}`, code, params, detail });

describe('LiveRefusalNotice: a refused live room, said from its code', () => {
  it('says in French why the page is not live, without the API’s English', () => {
    renderWithApp(<LiveRefusalNotice refusal={refused('too-many-rooms', { maximum: 50 }, 'At most 50 rooms per connection')} />, { language: 'fr' });
    const notice = screen.getByTestId('live-refused').textContent;
    expect(notice).toBe('Pas de mises à jour en direct sur cette page : Au plus 50 pages peuvent être suivies en direct à la fois.');
    expect(notice).not.toContain('rooms');
  });

  it('says it in English', () => {
    renderWithApp(<LiveRefusalNotice refusal={refused('live-unavailable', {}, 'The live service cannot answer just now; try again')} />);
    expect(screen.getByTestId('live-refused').textContent).toBe('Live updates are off on this page: Live updates cannot be given just now; try again.');
  });

  it('leaves a missing room to the page, which says it is not found', () => {
    renderWithApp(<LiveRefusalNotice refusal={refused('not-found', { resource: 'document' }, 'The document was not found')} />, { language: 'fr' });
    expect(screen.queryByTestId('live-refused')).toBeNull();
  });
});
