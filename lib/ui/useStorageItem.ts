/** A @wxt-dev/storage item as Preact state, following changes made anywhere. */
import type { WxtStorageItem } from '@wxt-dev/storage';
import { useEffect, useState } from 'preact/hooks';

/** The item's value (undefined until read) and a setter. */
export function useStorageItem<T>(
  item: WxtStorageItem<T, Record<string, unknown>>,
): [T | undefined, (v: T) => Promise<void>] {
  const [value, setValue] = useState<T | undefined>(undefined);
  useEffect(() => {
    let live = true;
    void item.getValue().then((v) => live && setValue(v));
    const unwatch = item.watch((v) => setValue(v));
    return () => {
      live = false;
      unwatch();
    };
  }, [item]);
  return [value, (v: T) => item.setValue(v)];
}
