/** The notes store: the user's data. Writes resolve only after their transaction committed. */
import type { PuenteDB } from './database';
import type { Note, NoteInput } from './types';

/** Creates a note with a new UUID and the current time. */
export async function createNote(db: PuenteDB, input: NoteInput, now = Date.now()): Promise<Note> {
  const note: Note = { ...input, id: crypto.randomUUID(), createdAt: now, updatedAt: now };
  await db.transaction('rw', db.notes, async () => {
    await db.notes.add(note);
  });
  return note;
}

/** How many notes the user has on an entry. */
export function countNotesOfTerm(db: PuenteDB, termId: string): Promise<number> {
  return db.notes.where('termId').equals(termId).count();
}

/** Notes in the order they were written, newest first. */
export async function listNotes(db: PuenteDB): Promise<Note[]> {
  return db.notes.orderBy('createdAt').reverse().toArray();
}
