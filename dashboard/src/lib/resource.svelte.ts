/** One loading/error helper for every view: `resource(() => api.x(...))` re-runs when its inputs change. */
export interface Resource<T> {
  readonly data: T | undefined;
  readonly error: string | undefined;
  readonly loading: boolean;
}

export function resource<T>(load: () => Promise<T>): Resource<T> {
  let data = $state<T | undefined>(undefined);
  let error = $state<string | undefined>(undefined);
  let loading = $state(true);
  let generation = 0;
  $effect(() => {
    const current = ++generation;
    loading = true;
    error = undefined;
    load().then(
      (value) => {
        if (current !== generation) return;
        data = value;
        loading = false;
      },
      (failure: unknown) => {
        if (current !== generation) return;
        error = failure instanceof Error ? failure.message : String(failure);
        loading = false;
      },
    );
  });
  return {
    get data() {
      return data;
    },
    get error() {
      return error;
    },
    get loading() {
      return loading;
    },
  };
}
