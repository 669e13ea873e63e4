'use client'

import { LogOut } from 'lucide-react'

import { Button } from '@/components/ui/button'
import { signOut } from '@/lib/auth/auth-client'

/** Ends the console session and returns to the sign-in page. */
export function SignOutButton() {
  return (
    <Button variant="ghost" onClick={() => void signOut('/signin')}>
      <LogOut aria-hidden="true" className="size-4" /> Sign out
    </Button>
  )
}
