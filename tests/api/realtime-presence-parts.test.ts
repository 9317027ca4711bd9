import { mergePresence, presenceDelay, presenceOf, presencePart } from '../../apps/api/src/realtime/presence.service';

// Presence across instances (decision 0056): each instance answers with its own part, the asking one merges.
const D = '00000000-0000-4000-8000-00000000000d';
const room = `doc:${D}` as const;
const at = new Date('2026-12-07T08:00:00Z');
const viewer = (id: string, name: string) => ({ viewer: { id, name, snapshot: null } });
const anonymous = { viewer: null };

describe('presence told in parts by each instance', () => {
  it('counts a room of anonymous viewers as one number, with nobody listed', () => {
    const part = presencePart(Array.from({ length: 500 }, () => anonymous));
    expect(part).toEqual({ people: [], anonymous: 500 });
    expect(JSON.stringify(part).length).toBeLessThan(40);
  });

  it('lists a person with tabs on two instances once, and adds up the anonymous viewers of both', () => {
    const first = presencePart([viewer('2', 'Zoe'), anonymous, viewer('1', 'Ana')]);
    const second = presencePart([viewer('2', 'Zoe'), anonymous, anonymous, viewer('3', 'Bo')]);
    expect(mergePresence(room, [first, second], at)).toEqual({
      room,
      people: [
        { id: '1', name: 'Ana', snapshot: null },
        { id: '3', name: 'Bo', snapshot: null },
        { id: '2', name: 'Zoe', snapshot: null },
      ],
      anonymous: 3,
      at: at.toISOString(),
    });
  });

  it('gives the same snapshot as counting every connection in one place', () => {
    const sockets = [viewer('2', 'Zoe'), anonymous, viewer('1', 'Ana'), viewer('2', 'Zoe'), anonymous, viewer('4', 'Ana')];
    const split = mergePresence(room, [presencePart(sockets.slice(0, 3)), presencePart(sockets.slice(3)), presencePart([])], at);
    expect(split).toEqual(presenceOf(room, sockets, at));
  });

  it('tells the other instances only what presence shows of a viewer', () => {
    const part = presencePart([{ viewer: { id: '1', name: 'Ana', snapshot: null, sessionId: 'secret' } as never }]);
    expect(part.people).toEqual([{ id: '1', name: 'Ana', snapshot: null }]);
  });
});

describe('how long a presence update gathers joins and leaves', () => {
  it('is as quick as before in a small room, about a millisecond per viewer in a crowded one, and never more than 2 s', () => {
    expect(presenceDelay(1)).toBe(150);
    expect(presenceDelay(120)).toBe(150);
    expect(presenceDelay(1_000)).toBe(1_000);
    expect(presenceDelay(2_500)).toBe(2_000);
    expect(presenceDelay(50_000)).toBe(2_000);
  });

  it('keeps the presence writes of a crowd arriving to a few thousand a second, not the square of the crowd', () => {
    // Every update goes to every viewer: writes per second = viewers / window.
    for (const viewers of [200, 1_000, 2_500, 5_000]) expect((viewers / presenceDelay(viewers)) * 1000).toBeLessThanOrEqual(2_500_000 / 1000);
  });
});
