/** The notes store: the user's data. Writes resolve only after their transaction committed. */
import type { PuenteDB } from './database';
import type { Note, NoteInput } from './types';

/** A save whose id belongs to a note of another page: not a retry, and never answered with it. */
export class NoteIdTakenError extends Error {
  constructor() {
    super('Another note already has this id');
    this.name = 'NoteIdTakenError';
  }
}

/**
 * Creates a note (with the sender's UUID, or a new one) and the current time. Saving the same
 * id again for the same page answers the stored note: a save retried after a lost answer is not
 * doubled. The same id for another page is refused, so that a page cannot read (or claim) a
 * note of another page by its id.
 */
export async function createNote(db: PuenteDB, input: NoteInput, now = Date.now()): Promise<Note> {
  const { id = crypto.randomUUID(), ...fields } = input;
  return db.transaction('rw', db.notes, async () => {
    const existing = await db.notes.get(id);
    if (existing && existing.url !== fields.url) throw new NoteIdTakenError();
    if (existing) return existing;
    const note: Note = { ...fields, id, createdAt: now, updatedAt: now };
    await db.notes.add(note);
    return note;
  });
}

/** How many notes the user has on an entry. */
export function countNotesOfTerm(db: PuenteDB, termId: string): Promise<number> {
  return db.notes.where('termId').equals(termId).count();
}

/** Notes in the order they were written, newest first. */
export async function listNotes(db: PuenteDB): Promise<Note[]> {
  return db.notes.orderBy('createdAt').reverse().toArray();
}

/** Changes a note's text and tags; answers the updated note once committed. */
export async function updateNote(
  db: PuenteDB,
  id: string,
  change: Partial<Pick<Note, 'text' | 'tags'>>,
  now = Date.now(),
): Promise<Note> {
  return db.transaction('rw', db.notes, async () => {
    const note = await db.notes.get(id);
    if (!note) throw new Error('This note no longer exists.');
    const next = { ...note, ...change, updatedAt: now };
    await db.notes.put(next);
    return next;
  });
}

/** Deletes a note and answers it, so that the user can undo. */
export async function deleteNote(db: PuenteDB, id: string): Promise<Note | null> {
  return db.transaction('rw', db.notes, async () => {
    const note = await db.notes.get(id);
    if (note) await db.notes.delete(id);
    return note ?? null;
  });
}

/** Puts a deleted note back exactly as it was (undo). */
export async function restoreNote(db: PuenteDB, note: Note): Promise<void> {
  await db.transaction('rw', db.notes, async () => {
    await db.notes.put(note);
  });
}

/** Writes an import plan in one transaction: adds and updates only, never deletes. */
export async function applyImport(db: PuenteDB, plan: { add: Note[]; update: Note[] }): Promise<void> {
  await db.transaction('rw', db.notes, async () => {
    await db.notes.bulkAdd(plan.add);
    await db.notes.bulkPut(plan.update);
  });
}
