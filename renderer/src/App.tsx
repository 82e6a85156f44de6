import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { RouterProvider } from '@tanstack/react-router'
import { UndoProvider } from './lib/undo'
import { router } from './router'

/**
 * Reads are local and cheap: no retries (an error is the clerk's to see at once) and no
 * refetch on window focus (the data only changes through this window's own writes).
 */
const queryClient = new QueryClient({
  defaultOptions: {
    queries: { retry: false, refetchOnWindowFocus: false, staleTime: Infinity },
    mutations: { retry: false }
  }
})

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <UndoProvider>
        <RouterProvider router={router} />
      </UndoProvider>
    </QueryClientProvider>
  )
}
