namespace BulletinIngest.Pipeline;

/// <summary>
/// Runs <c>work(i)</c> for i = 0 … count-1 on <c>jobs</c> threads while one consumer takes the results in index
/// order. Each thread takes the next index when it is free, so a slow file holds up one thread, not a fixed share
/// of the batch; no thread runs more than <c>window</c> indices ahead of the consumer. The window is the
/// back-pressure: however long the batch, at most that many results wait in memory for the writer.
/// </summary>
public sealed class ReadAhead<T> : IDisposable
{
    private readonly Func<int, T> _work;
    private readonly TaskCompletionSource<T>?[] _results;
    private readonly SemaphoreSlim _window;
    private readonly CancellationTokenSource _stop = new();
    private int _next = -1;

    public ReadAhead(int count, int jobs, int window, Func<int, T> work)
    {
        _work = work;
        _results = new TaskCompletionSource<T>?[count];
        for (int i = 0; i < count; i++) _results[i] = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        _window = new SemaphoreSlim(Math.Max(window, jobs));
        for (int n = 0; n < Math.Min(jobs, count); n++)
            new Thread(Loop) { IsBackground = true, Name = $"read-ahead {n}" }.Start();
    }

    private void Loop()
    {
        while (true)
        {
            try { _window.Wait(_stop.Token); }
            catch (OperationCanceledException) { return; }
            int index = Interlocked.Increment(ref _next);
            if (index >= _results.Length || _stop.IsCancellationRequested) return;
            var result = _results[index]!;
            try { result.SetResult(_work(index)); }
            catch (Exception error) { result.SetException(error); }
        }
    }

    /// <summary>True when the result for <paramref name="index"/> can be taken without waiting.</summary>
    public bool IsReady(int index) => _results[index]!.Task.IsCompleted;

    /// <summary>The result for <paramref name="index"/> (waiting for it), which frees a place in the window; take each once, in order.</summary>
    public T Take(int index)
    {
        var result = _results[index]!.Task.GetAwaiter().GetResult();
        _results[index] = null;
        _window.Release();
        return result;
    }

    /// <summary>Stops handing out indices (the threads finish the file they hold; their results are dropped).</summary>
    public void Dispose() => _stop.Cancel();
}
